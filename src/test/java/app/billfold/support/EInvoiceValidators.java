package app.billfold.support;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Templates;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.mustangproject.validator.ZUGFeRDValidator;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The offline validators the e-invoice tests run: Mustang's (veraPDF for PDF/A-3, the EN 16931 and
 * French CIUS rules for the XML) for Factur-X; for Peppol UBL, the UBL 2.1 schema and the Peppol
 * BIS Billing 3.0 schematrons (CEN EN 16931 UBL rules and Peppol's own, release 2025.5) as the
 * XSLT phive-rules-peppol ships, run by Saxon. phive's engine is not used: its helper library
 * clashes with the one Mustang's validator needs.
 */
public final class EInvoiceValidators {

    private static final String PEPPOL = "external/schematron/openpeppol/2025.5/xslt/";
    private static final Templates CEN_RULES = compile(PEPPOL + "CEN-EN16931-UBL.xslt");
    private static final Templates PEPPOL_RULES = compile(PEPPOL + "PEPPOL-EN16931-UBL.xslt");

    private EInvoiceValidators() {}

    /** Mustang's findings on a Factur-X PDF. */
    public record FacturXReport(boolean valid, List<String> errors, List<String> warnings, String xml) {}

    public static synchronized FacturXReport facturX(byte[] pdf, String name) {
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(pdf, name);
        Element root = parse(report).getDocumentElement();
        return new FacturXReport(
                validator.wasCompletelyValid() && !report.contains("status=\"invalid\""),
                texts(root.getElementsByTagName("error")),
                texts(root.getElementsByTagName("warning")),
                report);
    }

    /** Schema errors and failed fatal/error assertions of a Peppol BIS 3 UBL invoice or credit note. */
    public static List<String> peppolUbl(byte[] xml) throws Exception {
        List<String> problems = new ArrayList<>();
        String root = parse(new String(xml, java.nio.charset.StandardCharsets.UTF_8))
                .getDocumentElement()
                .getLocalName();
        String xsd = "external/schemas/ubl21/maindoc/UBL-" + root + "-2.1.xsd";
        // ph-ubl keeps the schemas UBL imports without a location in jars of their own: load them first.
        List<javax.xml.transform.Source> sources = new ArrayList<>();
        for (String resource : List.of(
                "schemas/CCTS_CCT_SchemaModule.xsd",
                "schemas/xmldsig-core-schema.xsd",
                "schemas/XAdES01903v132-201601.xsd",
                "schemas/XAdES01903v141-201601.xsd",
                xsd)) {
            sources.add(new StreamSource(EInvoiceValidators.class
                    .getClassLoader()
                    .getResource(resource)
                    .toString()));
        }
        try {
            SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(sources.toArray(javax.xml.transform.Source[]::new))
                    .newValidator()
                    .validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (org.xml.sax.SAXException e) {
            problems.add("schema: " + e.getMessage());
        }
        for (Templates rules : List.of(CEN_RULES, PEPPOL_RULES)) {
            StringWriter svrl = new StringWriter();
            rules.newTransformer().transform(new StreamSource(new ByteArrayInputStream(xml)), new StreamResult(svrl));
            NodeList failed =
                    parse(svrl.toString()).getElementsByTagNameNS("http://purl.oclc.org/dsdl/svrl", "failed-assert");
            for (int i = 0; i < failed.getLength(); i++) {
                Element assertion = (Element) failed.item(i);
                String flag = assertion.getAttribute("flag");
                if (!"warning".equals(flag)) {
                    problems.add(assertion.getAttribute("id") + " (" + flag + "): "
                            + assertion.getTextContent().strip());
                }
            }
        }
        return problems;
    }

    private static Templates compile(String resource) {
        try {
            URL url = EInvoiceValidators.class.getClassLoader().getResource(resource);
            return new net.sf.saxon.TransformerFactoryImpl().newTemplates(new StreamSource(url.toString()));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot compile " + resource, e);
        }
    }

    private static org.w3c.dom.Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable XML", e);
        }
    }

    private static List<String> texts(NodeList nodes) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().strip());
        }
        return texts;
    }
}
