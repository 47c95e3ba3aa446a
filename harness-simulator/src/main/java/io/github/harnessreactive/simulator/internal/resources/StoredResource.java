package io.github.harnessreactive.simulator.internal.resources;

import io.github.harnessreactive.simulator.ResourceType;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * One resource as the store keeps it. Its fields are never changed in place: an update stores a
 * new record.
 *
 * @param type what it is
 * @param scope the organization and project it lives in (empty at account level)
 * @param key its identifier in that scope (lower-case for e-mails)
 * @param fields its fields as sent, with the names of the NG API ({@code orgIdentifier}...)
 * @param createdAt creation time, epoch milliseconds, from the store's clock
 * @param updatedAt last change, epoch milliseconds
 * @param version 1 when created, one more for each update
 * @param sequence its place in creation order across the store, for stable listing
 */
public record StoredResource(ResourceType type, List<String> scope, String key, ObjectNode fields, long createdAt,
    long updatedAt, long version, long sequence) {

  /** A text field, or {@code null} when absent. */
  public String text(String field) {
    var node = fields.get(field);
    return node == null || node.isNull() ? null : node.asString();
  }
}
