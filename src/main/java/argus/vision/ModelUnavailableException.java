package argus.vision;

import argus.ArgusException;
import argus.ErrorCode;

/** What was asked needs a model pack this server does not have (its files are not in the models directory). */
public class ModelUnavailableException extends ArgusException {
    private final String pack;

    public ModelUnavailableException(String pack) {
        super(ErrorCode.MODEL_UNAVAILABLE, "the model pack '" + pack + "' is not installed on this server");
        this.pack = pack;
    }

    public String pack() {
        return pack;
    }
}
