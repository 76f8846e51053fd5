/** Files: their metadata, what their bytes are, and who may read them. */
package dev.tracker.files.file;
