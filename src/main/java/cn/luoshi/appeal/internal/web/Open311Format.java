package cn.luoshi.appeal.internal.web;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * GeoReport v2's two representations of the same data: a JSON array of objects, or XML whose root names the list
 * ({@code services}, {@code service_requests}, {@code errors}) and whose children name the item ({@code service},
 * {@code request}, {@code error}). Nested lists (a service definition's attributes and their values) follow the
 * same rule. Null values are empty elements in XML and nulls in JSON.
 */
final class Open311Format {

    static final MediaType XML = MediaType.parseMediaType("text/xml;charset=UTF-8");
    static final MediaType JSON = MediaType.parseMediaType("application/json;charset=UTF-8");
    private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newFactory();

    private Open311Format() {
    }

    static boolean isXml(String format) {
        return "xml".equals(format);
    }

    static String time(OffsetDateTime t) {
        return t == null ? null : t.withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static String json(JsonMapper mapper, Object value) {
        return mapper.writeValueAsString(value);
    }

    /** A list of items under a root element, e.g. {@code <services><service>…</service></services>}. */
    static String xmlList(String root, String item, List<? extends Map<String, ?>> items) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XML_OUTPUT.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement(root);
            for (Map<String, ?> map : items) {
                writeObject(xml, item, map);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** A single object as the root, e.g. {@code <service_definition>…</service_definition>}. */
    static String xmlObject(String root, Map<String, ?> map) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XML_OUTPUT.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            writeObject(xml, root, map);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void writeObject(XMLStreamWriter xml, String name, Map<String, ?> map) throws XMLStreamException {
        xml.writeStartElement(name);
        for (Map.Entry<String, ?> e : map.entrySet()) {
            writeValue(xml, e.getKey(), e.getValue());
        }
        xml.writeEndElement();
    }

    @SuppressWarnings("unchecked")
    private static void writeValue(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
        if (value == null) {
            xml.writeEmptyElement(name);
        } else if (value instanceof Map<?, ?> map) {
            writeObject(xml, name, (Map<String, ?>) map);
        } else if (value instanceof List<?> list) {
            xml.writeStartElement(name);
            String item = singular(name);
            for (Object element : list) {
                writeValue(xml, item, element);
            }
            xml.writeEndElement();
        } else {
            xml.writeStartElement(name);
            xml.writeCharacters(String.valueOf(value));
            xml.writeEndElement();
        }
    }

    private static String singular(String plural) {
        return plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural + "_item";
    }
}
