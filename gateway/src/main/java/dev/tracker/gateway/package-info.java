/** The gateway: the one address browsers and scripts talk to. */
package dev.tracker.gateway;
