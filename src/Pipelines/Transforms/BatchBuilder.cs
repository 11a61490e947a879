using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Imaging;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ModelZoo.Pipelines.Transforms;

/// <summary>
/// Turns examples into one uint8 batch [N, C, S, S] at the model's input size and channel count:
/// decode, convert channels, resize (bilinear, antialiased) and crop. Runs on loader threads.
/// </summary>
public static class BatchBuilder
{
    /// <summary>Builds the batch of <paramref name="indices"/>; <paramref name="random"/> drives random resized crops when training.</summary>
    public static Tensor Build(IImageDataset dataset, IReadOnlyList<int> indices, Preprocessing preprocessing,
        Augmentation augmentation, bool training, Random random)
    {
        var size = preprocessing.InputSize;
        using var scope = torch.NewDisposeScope();
        Tensor batch;
        if (dataset.FixedSize == (size, size) && dataset.Channels == preprocessing.Channels)
        {
            // Already the right size (CIFAR at 32, Fashion-MNIST at 28): one copy, no resampling.
            var pixelsPerImage = size * size * dataset.Channels;
            var bytes = new byte[indices.Count * pixelsPerImage];
            for (var i = 0; i < indices.Count; i++)
                Pixels(dataset, indices[i]).CopyTo(bytes.AsSpan(i * pixelsPerImage, pixelsPerImage));
            using var hwc = torch.from_array(bytes).view(indices.Count, size, size, dataset.Channels);
            batch = hwc.permute(0, 3, 1, 2).contiguous();
        }
        else
        {
            var images = new Tensor[indices.Count];
            var randomCrop = training && augmentation.RandomResizedCrop ? random : null;
            for (var i = 0; i < indices.Count; i++)
                images[i] = Resize(dataset.GetImage(indices[i]), preprocessing, randomCrop);
            batch = torch.stack(images);
        }
        return batch.MoveToOuterDisposeScope();
    }

    private static ReadOnlySpan<byte> Pixels(IImageDataset dataset, int index) =>
        dataset is InMemoryImageDataset memory ? memory.GetPixels(index) : dataset.GetImage(index).Pixels;

    private readonly record struct CropBox(int Top, int Left, int Height, int Width);

    /// <summary>
    /// One image to uint8 [C, S, S]: channel conversion, then crop and antialiased bilinear resize (align_corners
    /// false, as torchvision; said outright because libtorch 2.10 prints a warning on every call that leaves it out).
    /// </summary>
    private static Tensor Resize(Image image, Preprocessing preprocessing, Random? randomResizedCrop)
    {
        var size = preprocessing.InputSize;
        using var flat = torch.from_array(image.Pixels);
        using var hwc = flat.view(image.Height, image.Width, image.Channels);
        using var chw = hwc.permute(2, 0, 1);
        using var converted = ConvertChannels(chw, preprocessing.Channels);
        using var floats = converted.to(ScalarType.Float32);
        using var nchw = floats.unsqueeze(0);
        Tensor cropped;
        if (randomResizedCrop is not null)
        {
            var box = RandomBox(image.Height, image.Width, randomResizedCrop);
            using var rows = nchw.narrow(2, box.Top, box.Height);
            using var region = rows.narrow(3, box.Left, box.Width);
            cropped = F.interpolate(region, [size, size], mode: InterpolationMode.Bilinear, align_corners: false, antialias: true);
        }
        else
        {
            // Shorter side to S / crop fraction, then the centre S × S (torchvision's Resize + CenterCrop).
            var shorter = (int)Math.Round(size / preprocessing.CropFraction);
            var scale = (double)shorter / Math.Min(image.Height, image.Width);
            var height = Math.Max(size, (int)Math.Round(image.Height * scale));
            var width = Math.Max(size, (int)Math.Round(image.Width * scale));
            using var resized = F.interpolate(nchw, [height, width], mode: InterpolationMode.Bilinear, align_corners: false, antialias: true);
            using var rows = resized.narrow(2, (height - size) / 2, size);
            cropped = rows.narrow(3, (width - size) / 2, size);
        }
        using (cropped)
        using (var rounded = cropped.round().clamp_(0, 255))
        using (var single = rounded.squeeze(0))
            return single.to(ScalarType.Byte);
    }

    /// <summary>Grey to RGB by repetition; RGB to grey with ITU-R 601 luma weights (as PIL's convert("L")).</summary>
    private static Tensor ConvertChannels(Tensor chw, int channels)
    {
        var have = chw.size(0);
        if (have == channels) return chw.alias();
        if (have >= 3 && channels == 1)
        {
            using var rgb = chw.narrow(0, 0, 3).to(ScalarType.Float32);
            using var weights = torch.tensor(new float[] { 0.299f, 0.587f, 0.114f }, [3, 1, 1]);
            using var weighted = rgb.mul(weights);
            using var luma = weighted.sum(0, keepdim: true);
            return luma.round().to(ScalarType.Byte);
        }
        if (have is 1 or 2 && channels == 3)
        {
            using var grey = chw.narrow(0, 0, 1);
            return grey.expand(3, -1, -1).contiguous();
        }
        if (have == 4 && channels == 3) return chw.narrow(0, 0, 3).contiguous();
        throw new ArgumentException($"cannot convert a {have}-channel image to {channels} channels");
    }

    /// <summary>torchvision's RandomResizedCrop box: area 8–100%, aspect ratio 3/4–4/3, ten tries then the centre.</summary>
    private static CropBox RandomBox(int height, int width, Random random)
    {
        var area = (double)height * width;
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var target = area * (0.08 + random.NextDouble() * 0.92);
            var ratio = Math.Exp(Math.Log(3.0 / 4) + random.NextDouble() * (Math.Log(4.0 / 3) - Math.Log(3.0 / 4)));
            var w = (int)Math.Round(Math.Sqrt(target * ratio));
            var h = (int)Math.Round(Math.Sqrt(target / ratio));
            if (w > 0 && h > 0 && w <= width && h <= height)
                return new CropBox(random.Next(height - h + 1), random.Next(width - w + 1), h, w);
        }
        var side = Math.Min(height, width);
        return new CropBox((height - side) / 2, (width - side) / 2, side, side);
    }
}
