"""Operations: moving an existing community in (backfill), health checks, the demo community."""
