/**
 * The file service: uploads streamed into S3, their metadata in PostgreSQL, downloads for
 * those allowed.
 */
package dev.tracker.files;
