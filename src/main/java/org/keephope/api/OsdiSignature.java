package org.keephope.api;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of OSDI's record signature helper, read into the v1 shape. Fields of OSDI's signature and person
 * that we do not keep (phone numbers, custom fields, tags) are accepted and dropped; a field OSDI does not
 * define, a wrong type, or trailing data is a 400 problem.
 */
final class OsdiSignature {

    /** Our field → its OSDI name, for the {@code errors} of a 422. */
    static final Map<String, String> FIELD_NAMES = Map.of(
            "firstName", "person.given_name",
            "lastName", "person.family_name",
            "email", "person.email_addresses[0].address",
            "country", "person.postal_addresses[0].country",
            "comment", "comments",
            "language", "person.languages_spoken[0]");

    private static final Set<String> SIGNATURE_FIELDS = Set.of(
            "person",
            "add_tags",
            "remove_tags",
            "triggers",
            "comments",
            "referrer_data",
            "identifiers",
            "origin_system",
            "action_date");
    private static final Set<String> PERSON_FIELDS = Set.of(
            "given_name",
            "family_name",
            "email_addresses",
            "postal_addresses",
            "languages_spoken",
            "identifiers",
            "origin_system",
            "custom_fields",
            "phone_numbers");

    private OsdiSignature() {}

    static SignatureJson.NewSignature read(byte[] body, JsonMapper json) {
        if (body == null || body.length == 0) {
            throw ApiProblem.badBody("A JSON object is required.");
        }
        JsonNode root;
        try {
            root = json.reader()
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(body);
        } catch (JacksonException e) {
            throw ApiProblem.badBody("The body is not JSON.");
        }
        if (root == null || !root.isObject()) {
            throw ApiProblem.badBody("A JSON object is required.");
        }
        only(root, SIGNATURE_FIELDS, "");
        JsonNode person = root.get("person");
        if (person == null || person.isNull()) {
            throw ApiProblem.invalid(Map.of("person", "A person is required."));
        }
        if (!person.isObject()) {
            throw wrongType("person");
        }
        only(person, PERSON_FIELDS, "person.");
        JsonNode email = first(person, "email_addresses");
        JsonNode postal = first(person, "postal_addresses");
        JsonNode language = first(person, "languages_spoken");
        if (email != null && !email.isObject()) {
            throw wrongType("person.email_addresses");
        }
        if (postal != null && !postal.isObject()) {
            throw wrongType("person.postal_addresses");
        }
        strings(root, "add_tags");
        strings(root, "remove_tags");
        JsonNode triggers = root.get("triggers");
        if (triggers != null && !triggers.isNull() && !triggers.isObject()) {
            throw wrongType("triggers");
        }
        String status = email == null ? null : text(email, "status", "person.email_addresses[0].status");
        return new SignatureJson.NewSignature(
                text(person, "given_name", "person.given_name"),
                text(person, "family_name", "person.family_name"),
                email == null ? null : text(email, "address", "person.email_addresses[0].address"),
                postal == null ? null : text(postal, "country", "person.postal_addresses[0].country"),
                text(root, "comments", "comments"),
                false,
                "subscribed".equals(status),
                language == null ? null : textOf(language, "person.languages_spoken[0]"),
                null);
    }

    private static void only(JsonNode object, Set<String> known, String prefix) {
        Iterator<String> names = object.propertyNames().iterator();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw ApiProblem.badBody(
                        name.matches("[A-Za-z0-9_]{1,40}")
                                ? "Unknown field '" + prefix + name + "'."
                                : "The body has a field OSDI does not define.");
            }
        }
    }

    /** The first element of an array field, or null when the field is absent or empty. */
    private static JsonNode first(JsonNode object, String field) {
        JsonNode array = object.get(field);
        if (array == null || array.isNull()) {
            return null;
        }
        if (!array.isArray()) {
            throw wrongType(field);
        }
        return array.isEmpty() ? null : array.get(0);
    }

    private static void strings(JsonNode object, String field) {
        JsonNode array = object.get(field);
        if (array == null || array.isNull()) {
            return;
        }
        if (!array.isArray()) {
            throw wrongType(field);
        }
        for (JsonNode element : array) {
            if (!element.isString()) {
                throw wrongType(field);
            }
        }
    }

    private static String text(JsonNode object, String field, String name) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : textOf(value, name);
    }

    private static String textOf(JsonNode value, String name) {
        if (!value.isString()) {
            throw wrongType(name);
        }
        return value.asString();
    }

    private static ApiProblem wrongType(String name) {
        return ApiProblem.badBody("'" + name + "' has the wrong type.");
    }
}
