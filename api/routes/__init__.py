"""HTTP routes, one module per resource; api.app.ROUTER_MODULES lists which are served."""
