namespace ModelZoo.MLNetExtensions;

public sealed partial class ImageClassifierTrainer
{
    public sealed partial class Options
    {
        /// <summary>
        /// A text column holding each row's image file (the path column LoadRawImageBytes or LoadImages read); when given,
        /// messages about an unreadable image name the file rather than the row. Null names rows.
        /// </summary>
        public string? ImagePathColumnName;

        /// <summary>
        /// Rows held for shuffling when the training data can only be read in order (its <c>CanShuffle</c> is false), as
        /// ML.NET's <c>ShuffleRows</c> pool: a larger pool mixes better and holds more images in memory. Data that can
        /// shuffle is read in a random order of its own and needs no pool.
        /// </summary>
        public int ShufflePoolRows = DefaultShufflePoolRows;

        /// <summary>ML.NET's own default pool (<c>ShuffleRows</c>' shufflePoolSize).</summary>
        public const int DefaultShufflePoolRows = 1000;
    }
}
