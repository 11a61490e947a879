// libtorch's default random generator is process-wide: a test that seeds it (torch.manual_seed) and then
// draws weights, inputs or dropout masks gets a reproducible sequence only if no other test draws at the
// same time. With 2 cores, running test classes in parallel gains little anyway.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
