// SPDX-License-Identifier: GPL-3.0-or-later
// What a data set would feed a model, from its headers and folders alone: no image decoded, no
// LibTorch, so the workbench can check a choice on its own thread before anything runs.
#pragma once

#include "core/graph/shape.h"

#include <cstdint>
#include <string>

namespace cleave::tl {

struct DataShape
{
    std::string name;     ///< as given: fashion-mnist, a folder
    bool resized = false; ///< an ImageFolder: decoded to whatever size the model takes
    int64_t channels = 0; ///< IDX: 1
    int64_t height = 0;
    int64_t width = 0;
    int64_t classes = 0;
};

/// The shape of what openDataset(spec) would load. Error(NotFound) naming the folder when there
/// is none; Error(InvalidInput) when an IDX header is not one.
DataShape peekDataset(const std::string &spec);

/// Why `data` cannot fine-tune a model whose input is `input` (N x C x H x W) and whose output is
/// `output` (its last dimension: the class scores); empty when it fits.
std::string dataMismatch(const DataShape &data, const graph::Shape &input,
                         const graph::Shape &output);

} // namespace cleave::tl
