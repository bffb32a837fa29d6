// The running total of a draft invoice as lines are typed: quantity x unit price plus VAT at each
// line's rate, in the biller's currency. Only a guide: the confirmation page shows the exact bill.
(function () {
  var table = document.getElementById('draft-lines');
  var total = document.getElementById('draft-total');
  if (!table || !total || !window.Intl) {
    return;
  }
  var out = total.querySelector('output');
  var money = new Intl.NumberFormat(total.dataset.lang, { style: 'currency', currency: total.dataset.currency });
  function number(row, name) {
    var input = row.querySelector('[name="' + name + '"]');
    var value = input ? input.value.trim().replace(/\s/g, '').replace(',', '.') : '';
    return value === '' ? NaN : Number(value);
  }
  function update() {
    var sum = 0;
    table.querySelectorAll('tbody tr').forEach(function (row) {
      var quantity = number(row, 'quantity');
      var price = number(row, 'unitPrice');
      var rate = number(row, 'taxRate');
      if (isNaN(quantity) || isNaN(price)) {
        return;
      }
      var net = Math.round(quantity * price * 100) / 100;
      sum += net + (isNaN(rate) ? 0 : Math.round(net * rate) / 100);
    });
    out.textContent = money.format(sum);
    total.hidden = false;
  }
  table.addEventListener('input', update);
  update();
})();
