namespace ModelZoo.MLNetExtensions.Data;

/// <summary>
/// One row of an image folder or list file as ML.NET's image samples lay it out: the image's absolute path, ready for
/// <c>LoadRawImageBytes(outputColumnName, null, "ImagePath")</c> or <c>LoadImages</c>, and the class name.
/// </summary>
internal sealed class ImageFile
{
    public string ImagePath { get; set; } = "";

    public string Label { get; set; } = "";
}
