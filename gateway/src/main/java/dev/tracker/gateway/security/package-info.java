/** Token checks at the edge, before anything is forwarded. */
package dev.tracker.gateway.security;
