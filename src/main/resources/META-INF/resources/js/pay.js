// Keeps the total and the amount on the pay button in step with the bills ticked and the amount
// typed. The page is complete without it: the server writes the same total for what the form held
// when it was drawn, and checks the amount again when the form is sent.
(function () {
  var button = document.getElementById('pay-button');
  var total = document.getElementById('pay-total');
  var form = button && button.form;
  if (!form || !total || !window.Intl) {
    return;
  }
  var money;
  try {
    money = new Intl.NumberFormat(document.documentElement.lang || 'en', {
      style: 'currency',
      currency: form.getAttribute('data-currency')
    });
  } catch (e) {
    return;
  }
  var scale = money.resolvedOptions().maximumFractionDigits;
  var unit = Math.pow(10, scale);

  // Amounts in minor units (cents), so that adding them up is exact.
  function minor(text) {
    var plain = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
    var match = /^(\d+)(?:\.(\d*))?$/.exec(plain);
    if (!match || (match[2] || '').length > scale) {
      return null;
    }
    var fraction = ((match[2] || '') + '000000').substring(0, scale);
    return parseInt(match[1], 10) * unit + (scale ? parseInt(fraction, 10) : 0);
  }

  function update() {
    var owed = 0;
    var boxes = form.querySelectorAll('input[name=invoice][data-balance]');
    for (var i = 0; i < boxes.length; i++) {
      if (boxes[i].checked) {
        owed += minor(boxes[i].getAttribute('data-balance')) || 0;
      }
    }
    var amount = form.elements.amount;
    var typed = amount && amount.value.trim() !== '' ? minor(amount.value) : owed;
    var paying = typed !== null && typed > 0 && typed <= owed ? typed : null;
    var shown = money.format((paying === null ? owed : paying) / unit);
    if (total.textContent !== shown) {
      total.textContent = shown;
    }
    button.textContent = paying === null
      ? button.getAttribute('data-plain')
      : button.getAttribute('data-template').replace('__AMOUNT__', shown);
  }

  form.addEventListener('input', update);
  form.addEventListener('change', update);
  update();
})();
