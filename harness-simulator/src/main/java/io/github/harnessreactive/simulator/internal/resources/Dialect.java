package io.github.harnessreactive.simulator.internal.resources;

import io.github.harnessreactive.simulator.ResourceType;
import io.github.harnessreactive.simulator.internal.Call;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How one API (NG, v1, SEI 2.0) reads and shows one kind of resource: where a request names the
 * scope and the identifier, how its body carries the resource, and how a stored one looks in
 * its answers.
 *
 * @param type the kind of resource
 * @param noun its name in messages, such as {@code Project}
 * @param scope the organization and project a request names
 * @param identifier the identifier a request names (path, or body for updates that have none in the path)
 * @param entity the resource in a create or update body, with the NG API's field names; {@code null} when absent
 * @param view a stored resource as the answers show it
 */
record Dialect(ResourceType type, String noun, Function<Call, List<String>> scope, Function<Call, String> identifier,
    Function<Call, ObjectNode> entity, Function<StoredResource, JsonNode> view) {
}
