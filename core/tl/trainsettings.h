// SPDX-License-Identifier: GPL-3.0-or-later
// Fine-tuning's settings and reports as plain data, without LibTorch, for front ends to hold.
#pragma once

#include <cstdint>
#include <string>

namespace cleave::tl {

/// SGD as in the ScissionLite paper: learning rate 0.001, momentum 0.9.
struct TrainSettings
{
    double learningRate = 0.001;
    double momentum = 0.9;
    int epochs = 1;
    int batchSize = 64;
    uint64_t seed = 0;         ///< shuffling order
    std::string checkpointDir; ///< empty: none; else DIR/epoch-N.pt after each epoch
};

struct Accuracy
{
    double top1 = 0; ///< fraction 0..1
    double top5 = 0;
    int64_t images = 0;
};

struct EpochReport
{
    int epoch = 0;   ///< 1-based
    double loss = 0; ///< mean training cross-entropy
    Accuracy test;
    double imagesPerSecond = 0; ///< training throughput
    std::string checkpoint;     ///< path written, if any
};

} // namespace cleave::tl
