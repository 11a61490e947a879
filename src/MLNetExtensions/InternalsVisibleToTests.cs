using System.Runtime.CompilerServices;

// The tests drive the cursor reading (DataViewExampleStream) with the engine's loader directly, to count what it holds.
[assembly: InternalsVisibleTo("ModelZoo.MLNetExtensions.Tests")]
