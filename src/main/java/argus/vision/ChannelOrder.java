package argus.vision;

/** Order of the colour planes a model expects in its NCHW input. */
public enum ChannelOrder {
    RGB,
    BGR
}
