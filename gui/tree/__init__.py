"""The plan tree: item addressing, the Qt model, the filter proxy, the delegate, labels."""
