package org.keephope.stats;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads an SVG as XML (a strict parser: no DOCTYPE, namespaces on), so a chart that is not well-formed fails. */
final class Svgs {

    private Svgs() {}

    static Document parse(String svg) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document =
                    factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
            if (!"svg".equals(document.getDocumentElement().getLocalName())
                    || !"http://www.w3.org/2000/svg"
                            .equals(document.getDocumentElement().getNamespaceURI())) {
                throw new AssertionError(
                        "not an SVG document: " + document.getDocumentElement().getTagName());
            }
            return document;
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    static List<Element> elements(Document document, String name) {
        NodeList nodes = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", name);
        List<Element> result = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            result.add((Element) nodes.item(i));
        }
        return result;
    }

    /** The text of an element's own {@code <title>} child, or null when it has none. */
    static String title(Element element) {
        for (var node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && "title".equals(child.getLocalName())) {
                return child.getTextContent();
            }
        }
        return null;
    }

    static boolean hasClass(Element element, String name) {
        return List.of(element.getAttribute("class").split("\\s+")).contains(name);
    }
}
