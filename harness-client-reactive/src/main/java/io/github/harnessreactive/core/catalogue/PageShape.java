package io.github.harnessreactive.core.catalogue;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How one of Harness's page shapes reports where a page stands, as data: for each piece of
 * metadata, the body field (dotted path from the root) or response header that carries it. The
 * items' location and the request's page parameters come from the operation catalogue; together
 * they are everything the pager needs, so a new shape is a new description, not new code.
 *
 * @param name the shape's name, as the documents' {@code x-harness-paging.shape} writes it
 * @param fields where each piece of metadata is found; absent pieces the shape does not report
 */
public record PageShape(String name, Map<Meta, Location> fields) {

  /** The page metadata a shape may report. */
  public enum Meta {
    /** Items in the whole result. */
    TOTAL_ITEMS,
    /** Pages in the whole result. */
    TOTAL_PAGES,
    /** The 0-based index of this page, as the server saw it. */
    PAGE_INDEX,
    /** The page size the server applied. */
    PAGE_SIZE,
    /** Whether a next page exists. */
    HAS_NEXT,
    /** Whether this page is the last. */
    IS_LAST,
    /** The cursor that asks for the next page; absent, null or empty on the last page (cursor shapes only). */
    NEXT_CURSOR
  }

  /** How a listing says where it stands. */
  public enum Position {
    /** A page index (and size): page {@code n + 1} follows page {@code n}. */
    INDEX,
    /** A cursor string each page hands over for the next ({@link Meta#NEXT_CURSOR}). */
    CURSOR
  }

  /**
   * Where one piece of metadata is found.
   *
   * @param header true for a response header, false for a body field
   * @param name the header name, or the dotted body path
   */
  public record Location(boolean header, String name) {

    static Location body(String path) {
      return new Location(false, path);
    }

    static Location header(String name) {
      return new Location(true, name);
    }
  }

  /**
   * A shape description.
   *
   * @throws NullPointerException when the name or a location is {@code null}
   */
  public PageShape {
    Objects.requireNonNull(name, "name");
    fields = Map.copyOf(fields);
  }

  /** How the listing says where it stands: by a cursor when the shape reports {@link Meta#NEXT_CURSOR}, else by index. */
  public Position position() {
    return fields.containsKey(Meta.NEXT_CURSOR) ? Position.CURSOR : Position.INDEX;
  }

  /** Whether the operation pages at all; an unpaged list answers everything in one response. */
  public boolean isPaged() {
    return !PageShapes.UNPAGED.equals(name);
  }

  /**
   * Where the shape reports a piece of metadata.
   *
   * @param meta the piece of metadata
   * @return its location, or empty when the shape does not report it
   */
  public Optional<Location> location(Meta meta) {
    return Optional.ofNullable(fields.get(meta));
  }

  /** A description built field by field. */
  static Builder named(String name) {
    return new Builder(name);
  }

  static final class Builder {
    private final String name;
    private final Map<Meta, Location> fields = new EnumMap<>(Meta.class);

    private Builder(String name) {
      this.name = name;
    }

    Builder body(Meta meta, String path) {
      fields.put(meta, Location.body(path));
      return this;
    }

    Builder header(Meta meta, String header) {
      fields.put(meta, Location.header(header));
      return this;
    }

    PageShape build() {
      return new PageShape(name, fields);
    }
  }
}
