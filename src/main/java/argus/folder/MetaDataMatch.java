package argus.folder;

/**
 * A list filter on a top-level metadata field: {@code meta_data=key==value} (equal) or {@code meta_data=key!=value}
 * (not equal, which a folder without the field also satisfies). Values compare as text.
 */
public record MetaDataMatch(String key, String value, boolean equal) {}
