/** The S3 bucket the bytes of files live in. */
package dev.tracker.files.storage;
