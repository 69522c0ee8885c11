"""Forms of prioritisation, one module per page or group of pages."""
