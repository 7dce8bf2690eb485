package id.sni37122.connectors;

import id.sni37122.connectors.catalog.CatalogConnector;
import id.sni37122.connectors.heartbeat.HeartbeatConnector;
import id.sni37122.connectors.incident.IncidentConnector;
import id.sni37122.connectors.inquiry.InquiryConnector;
import id.sni37122.connectors.population.PopulationConnector;
import id.sni37122.connectors.portal.PortalConnector;
import java.util.List;

/** The connector for each source kind named under {@code sources:} in a config. */
public final class Connectors {

    /** Source kinds in the order they are loaded. */
    public static final List<String> KINDS = List.of("population", "portal", "catalog", "inquiries", "incidents", "heartbeats");

    private Connectors() {
    }

    /** The connector for {@code kind}; unknown kinds are rejected when the config is read. */
    public static Connector forKind(String kind) {
        return switch (kind) {
            case "population" -> new PopulationConnector();
            case "portal" -> new PortalConnector();
            case "catalog" -> new CatalogConnector();
            case "inquiries" -> new InquiryConnector();
            case "incidents" -> new IncidentConnector();
            case "heartbeats" -> new HeartbeatConnector();
            default -> throw new IllegalArgumentException("unknown source kind " + kind);
        };
    }
}
