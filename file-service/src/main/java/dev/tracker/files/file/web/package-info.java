/** The HTTP adapter of files: {@code /api/files}. */
package dev.tracker.files.file.web;
