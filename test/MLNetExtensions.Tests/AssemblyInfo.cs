// Training seeds libtorch's global generator and sets its global thread count: tests must not overlap.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
