// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tl/datashape.h"

#include <torch/script.h>

#include <cstdint>
#include <string>
#include <vector>

namespace cleave::tl {

/// Labelled images in memory, ready to batch: normalised float32 [N, C, H, W] and int64 [N].
struct Dataset
{
    std::string name;
    torch::Tensor images;
    torch::Tensor labels;
    int classes = 0;
    std::vector<std::string> classNames; ///< ImageFolder's folder names; empty for IDX
    int64_t size() const { return labels.defined() ? labels.size(0) : 0; }
};

/// Where Debian's dataset-fashion-mnist package puts the IDX files.
inline constexpr const char *kFashionMnistDir = "/usr/share/datasets/fashion-mnist";

/// An IDX image file (magic 0x803) and its label file (0x801), gzip-compressed or not. Pixels
/// are scaled to [0, 1] and normalised with `mean` and `stddev`. At most `limit` images (0: all).
/// Error(InvalidInput) names the file and what is wrong: magic, sizes, truncation, a label
/// at or above `classes` (with its index).
Dataset loadIdx(const std::string &imagesFile, const std::string &labelsFile, int classes,
                int64_t limit = 0, double mean = 0.0, double stddev = 1.0);

/// Fashion-MNIST's training (60,000) or test (10,000) split from `dir`, normalised with the
/// training set's mean and standard deviation (0.2860, 0.3530).
Dataset loadFashionMnist(const std::string &dir, bool train, int64_t limit = 0);

/// How ImageFolder images are decoded and scaled.
struct ImageOptions
{
    int channels = 3; ///< 1: grey, 3: RGB
    int height = 224;
    int width = 224;
    double mean = 0.5;
    double stddev = 0.25;
    int64_t limit = 0; ///< at most this many images (0: all), spread over the classes
    /// Scale and convert images of another size or channel count; false: refuse them, naming
    /// the file.
    bool resize = true;
};

/// The options that load images as a model of input `input` (N x C x H x W) takes them.
ImageOptions imageOptionsFor(const graph::Shape &input);

/// A folder with one sub-folder per class (sorted by name) of PNG or JPEG images, decoded with
/// stb and resized (bilinear) to the options' size. Error(InvalidInput) names the folder when it
/// is missing or holds no images, and the file that cannot be decoded.
Dataset loadImageFolder(const std::string &dir, const ImageOptions &options);

/// "fashion-mnist" (the Debian package), a folder of Fashion-MNIST IDX files, or an ImageFolder.
/// `train` picks the training or the test split: for an ImageFolder, DIR/train and DIR/test
/// when they exist, else DIR itself for both.
Dataset openDataset(const std::string &spec, bool train, const ImageOptions &options,
                    int64_t limit = 0);

} // namespace cleave::tl
