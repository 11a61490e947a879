"""The image folder of the data-loading benchmark: photo-like JPEGs in class sub-folders, made once and cached."""

import shutil
import tempfile
from pathlib import Path


def photo_like_folder(root, count, classes=10, width=320, height=240):
    """`count` JPEGs (quality 90) in `classes` sub-folders of `root`: sums of smooth random fields at three scales plus
    grain, so they compress (about 22 KB each) and decode like small photos rather than like flat colour. Written to
    a temporary sibling and renamed, so an interrupted run never leaves a partial folder behind; reused when present."""
    import numpy as np
    from PIL import Image

    root = Path(root)
    if (root / "complete").exists():
        return root
    root.parent.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix=root.name + ".", dir=root.parent))
    rng = np.random.default_rng(0)
    for i in range(count):
        image = np.full((height, width, 3), 127.5)
        for cells, amplitude in ((4, 150.0), (20, 60.0), (80, 30.0)):
            field = rng.random((cells * height // width + 1, cells, 3)) * 255
            smooth = Image.fromarray(field.astype(np.uint8)).resize((width, height), Image.BICUBIC)
            image += (np.asarray(smooth, dtype=np.float64) - 127.5) * amplitude / 255
        image += rng.normal(0, 6, image.shape)
        folder = partial / f"class_{i % classes:02d}"
        folder.mkdir(exist_ok=True)
        Image.fromarray(np.clip(image, 0, 255).astype(np.uint8)).save(folder / f"{i:05d}.jpg", quality=90)
    (partial / "complete").write_text(f"{count} images {width}x{height}\n")
    if root.exists():
        shutil.rmtree(root)
    partial.rename(root)
    return root
