// SPDX-License-Identifier: Apache-2.0
// rbacq-gen-cluster: writes a deterministic synthetic cluster dump.
#include <charconv>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <iostream>
#include <limits>
#include <string>
#include <string_view>
#include <system_error>

#include "bench/generate_cluster.hpp"

namespace {

constexpr std::string_view kProg = "rbacq-gen-cluster";
constexpr int kMaxNamespaces = 10'000'000;

void usage(std::ostream& os) {
  os << "Usage: " << kProg << " [--namespaces N] [--seed S] [--format json|yaml] [--out FILE]\n"
     << "\n"
     << "Writes a deterministic synthetic Kubernetes cluster dump (about 10 objects per\n"
     << "namespace plus ~400 ClusterRoles/ClusterRoleBindings).\n"
     << "\n"
     << "Options:\n"
     << "  --namespaces N     number of namespaces (0.." << kMaxNamespaces << ", default 5000)\n"
     << "  --seed S           random seed, unsigned 32-bit (default 42)\n"
     << "  --format F         json (a kubectl List) or yaml (multi-document); default json\n"
     << "  --out FILE         output file (default: standard output)\n"
     << "  -h, --help         show this help\n";
}

[[noreturn]] void bad_args(const std::string& msg) {
  std::cerr << kProg << ": error: " << msg << "\n"
            << "Try '" << kProg << " --help' for more information.\n";
  std::exit(2);
}

template <typename T>
T parse_number(std::string_view opt, std::string_view text, T lo, T hi) {
  T value{};
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec == std::errc::invalid_argument || ptr != end) {
    bad_args(std::string(opt) + ": '" + std::string(text) + "' is not a valid number");
  }
  if (ec == std::errc::result_out_of_range || value < lo || value > hi) {
    bad_args(std::string(opt) + ": '" + std::string(text) + "' is out of range (" + std::to_string(lo) +
             ".." + std::to_string(hi) + ")");
  }
  return value;
}

}  // namespace

int main(int argc, char** argv) {
  rbacq::bench::ClusterShape shape;
  rbacq::bench::DumpFormat format = rbacq::bench::DumpFormat::json;
  std::string out_path;

  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      usage(std::cout);
      return 0;
    }
    std::string_view opt = arg;
    std::string_view value;
    bool has_value = false;
    if (const auto eq = arg.find('='); arg.starts_with("--") && eq != std::string_view::npos) {
      opt = arg.substr(0, eq);
      value = arg.substr(eq + 1);
      has_value = true;
    }
    if (opt != "--namespaces" && opt != "--seed" && opt != "--format" && opt != "--out") {
      bad_args("unknown argument '" + std::string(arg) + "'");
    }
    if (!has_value) {
      if (i + 1 >= argc) bad_args(std::string(opt) + " requires a value");
      value = argv[++i];
    }
    if (opt == "--namespaces") {
      shape.namespaces = parse_number<int>(opt, value, 0, kMaxNamespaces);
    } else if (opt == "--seed") {
      shape.seed = parse_number<unsigned>(opt, value, 0U, std::numeric_limits<unsigned>::max());
    } else if (opt == "--format") {
      if (value == "json") {
        format = rbacq::bench::DumpFormat::json;
      } else if (value == "yaml") {
        format = rbacq::bench::DumpFormat::yaml;
      } else {
        bad_args("--format: expected 'json' or 'yaml', got '" + std::string(value) + "'");
      }
    } else {  // --out
      if (value.empty()) bad_args("--out: empty file name");
      out_path = std::string(value);
    }
  }

  try {
    if (out_path.empty() || out_path == "-") {
      std::ios::sync_with_stdio(false);
      rbacq::bench::write_cluster(std::cout, shape, format);
      if (!std::cout) {
        std::cerr << kProg << ": error: failed writing to standard output\n";
        return 1;
      }
    } else {
      std::ofstream file(out_path, std::ios::binary | std::ios::trunc);
      if (!file) {
        std::cerr << kProg << ": error: cannot open '" << out_path << "' for writing\n";
        return 1;
      }
      rbacq::bench::write_cluster(file, shape, format);
      file.close();
      if (!file) {
        std::cerr << kProg << ": error: failed writing '" << out_path << "'\n";
        return 1;
      }
    }
  } catch (const std::exception& e) {
    std::cerr << kProg << ": error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
