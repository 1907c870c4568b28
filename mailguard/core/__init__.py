"""The pure core: domain model and rules, no Qt, no network, no disk."""
