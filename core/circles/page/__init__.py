"""Your Thrive Circle, the read side: selectors, the shared circle section, recommendations,
the page's assembly, its serializers and endpoints."""
