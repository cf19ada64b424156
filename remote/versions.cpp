// SPDX-License-Identifier: GPL-3.0-or-later
#include "remote/versions.h"

#include <grpcpp/grpcpp.h>
#include <torch/version.h>

namespace cleave::remote {

std::string versionText(std::string_view program, std::string_view qtVersion)
{
    std::string text(program);
    text += " " CLEAVE_VERSION "\nLibTorch " TORCH_VERSION ", Qt ";
    // The agent leaves Qt out on purpose (it runs on devices without a desktop): say so rather
    // than leave a reader wondering.
    text += qtVersion.empty() ? std::string_view("not used") : qtVersion;
    text += ", gRPC " + grpc::Version();
    return text;
}

} // namespace cleave::remote
