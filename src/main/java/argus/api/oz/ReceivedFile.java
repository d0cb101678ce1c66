package argus.api.oz;

import argus.storage.MediaStore.StagedFile;

/** A file part of an upload, staged: {@code key} is the part name, {@code filename} the client's file name. */
record ReceivedFile(String key, String filename, StagedFile staged) {
}
