package io.github.harnessreactive.boot;

/** A {@code harness.*} key property holds something that is not a usable key; the message names the property, never the key. */
public class InvalidHarnessKeyException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final String property;

  public InvalidHarnessKeyException(String property, IllegalArgumentException cause) {
    super("the property " + property + " does not hold a valid key: " + cause.getMessage(), cause);
    this.property = property;
  }

  /** The property that holds the key. */
  public String property() {
    return property;
  }
}
