"""The REST API: thin handlers that parse a request, call a service and return a response model."""
