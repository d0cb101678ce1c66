package argus.storage;

/** A table that refers to stored objects; the orphan sweep keeps every object some owner still refers to. */
public interface StoredObjectOwner {

    boolean refersTo(String key);
}
