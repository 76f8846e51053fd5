package dev.tracker.issues.issue;

/**
 * A field of an edit that is set, possibly to nothing; a {@code null} {@code Patch}
 * leaves the field alone.
 *
 * @param <T> the field's type
 * @param value the new value, {@code null} to clear the field
 */
public record Patch<T>(T value) {

	/** Sets the field to the value ({@code null} clears it). */
	public static <T> Patch<T> to(T value) {
		return new Patch<>(value);
	}

}
