package id.sni37122.cli;

/** PLACEHOLDER entry point. */
public final class Main {
    public static void main(String[] args) {
    }
}
