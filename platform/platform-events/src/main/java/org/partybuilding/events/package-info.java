/**
 * The event contract between the services: topics, types, CloudEvents headers and data records.
 * Nothing else is shared between services.
 */
package org.partybuilding.events;
