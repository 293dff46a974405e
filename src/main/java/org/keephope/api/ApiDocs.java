package org.keephope.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The API page's view of the OpenAPI document: operations by tag, with their parameters, body and answers,
 * then the schemas, each field with its type. Plain records for the template, made from the same document
 * {@code /api/openapi.json} serves, so the page cannot drift from it.
 */
public record ApiDocs(
        String title, String version, String description, String server, List<Group> groups, List<Model> models) {

    public record Group(String name, String description, List<Op> operations) {}

    public record Op(
            String anchor,
            String method,
            String path,
            String summary,
            String description,
            boolean needsKey,
            List<Param> parameters,
            Ref body,
            List<Answer> answers) {}

    public record Param(String name, String in, String type, boolean required, String description) {}

    /** A type as text, and the schema it names if any (for a link). */
    public record Ref(String text, String schema) {}

    public record Answer(String status, String description, Ref type) {}

    public record Model(String name, String description, List<Field> fields) {}

    public record Field(String name, Ref type, boolean required, String description) {}

    static ApiDocs of(OpenAPI api) {
        Map<String, Group> groups = new LinkedHashMap<>();
        if (api.getTags() != null) {
            api.getTags().stream()
                    .sorted(java.util.Comparator.comparing(t -> t.getName().equals("Public reads") ? 0 : 1))
                    .forEach(t ->
                            groups.put(t.getName(), new Group(t.getName(), t.getDescription(), new ArrayList<>())));
        }
        new TreeMap<>(api.getPaths())
                .forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                    String tag = op.getTags() == null || op.getTags().isEmpty()
                            ? "Other"
                            : op.getTags().get(0);
                    Group group = groups.computeIfAbsent(tag, t -> new Group(t, null, new ArrayList<>()));
                    List<Param> params = op.getParameters() == null
                            ? List.of()
                            : op.getParameters().stream().map(ApiDocs::param).toList();
                    Ref body =
                            op.getRequestBody() == null || op.getRequestBody().getContent() == null
                                    ? null
                                    : op.getRequestBody().getContent().values().stream()
                                            .findFirst()
                                            .map(m -> type(m.getSchema()))
                                            .orElse(null);
                    List<Answer> answers = new ArrayList<>();
                    new TreeMap<>(op.getResponses()).forEach((code, response) -> answers.add(answer(code, response)));
                    group.operations()
                            .add(new Op(
                                    anchor(method, path),
                                    method.name(),
                                    path,
                                    op.getSummary(),
                                    op.getDescription(),
                                    op.getSecurity() != null
                                            && !op.getSecurity().isEmpty(),
                                    params,
                                    body,
                                    answers));
                }));
        List<Model> models = new ArrayList<>();
        if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
            new TreeMap<>(api.getComponents().getSchemas()).forEach((name, schema) -> models.add(model(name, schema)));
        }
        return new ApiDocs(
                api.getInfo().getTitle(),
                api.getInfo().getVersion(),
                api.getInfo().getDescription(),
                api.getServers() == null || api.getServers().isEmpty()
                        ? null
                        : api.getServers().get(0).getUrl(),
                List.copyOf(groups.values()),
                models);
    }

    static String anchor(PathItem.HttpMethod method, String path) {
        return method.name().toLowerCase(Locale.ROOT) + path.replaceAll("[^A-Za-z0-9]+", "-");
    }

    private static Param param(Parameter p) {
        return new Param(
                p.getName(),
                p.getIn(),
                type(p.getSchema()).text(),
                Boolean.TRUE.equals(p.getRequired()),
                p.getDescription());
    }

    private static Answer answer(String code, ApiResponse response) {
        Ref type = response.getContent() == null
                ? null
                : response.getContent().values().stream()
                        .findFirst()
                        .map(m -> type(m.getSchema()))
                        .orElse(null);
        return new Answer(code, response.getDescription(), type);
    }

    @SuppressWarnings("rawtypes")
    private static Model model(String name, Schema<?> schema) {
        List<Field> fields = new ArrayList<>();
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        if (schema.getProperties() != null) {
            for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
                fields.add(new Field(
                        property.getKey(),
                        type(property.getValue()),
                        required.contains(property.getKey()),
                        property.getValue().getDescription()));
            }
        }
        return new Model(name, schema.getDescription(), fields);
    }

    /** A schema's type in words: a named schema, an array or map of one, or a type with its format or values. */
    static Ref type(Schema<?> schema) {
        if (schema == null) {
            return new Ref("", null);
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            return new Ref(name, name);
        }
        String type = baseType(schema);
        if (type.equals("array")) {
            Ref items = type(schema.getItems());
            return new Ref("array of " + items.text(), items.schema());
        }
        if (type.equals("object") && schema.getAdditionalProperties() instanceof Schema<?> values) {
            Ref value = type(values);
            return new Ref("map of " + value.text(), value.schema());
        }
        StringBuilder text = new StringBuilder(type);
        if (schema.getFormat() != null) {
            text.append(" (").append(schema.getFormat()).append(')');
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            text.append(": ")
                    .append(String.join(
                            ", ", schema.getEnum().stream().map(String::valueOf).toList()));
        }
        return new Ref(text.toString(), null);
    }

    private static String baseType(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        Set<String> types = schema.getTypes();
        if (types != null) {
            return types.stream().filter(t -> !t.equals("null")).findFirst().orElse("null");
        }
        return "any";
    }
}
