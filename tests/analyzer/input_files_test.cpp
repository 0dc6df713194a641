// SPDX-License-Identifier: Apache-2.0
// Paths → files: recursion, what is picked up, and files that cannot be read (#2).
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <cstdio>
#include <fstream>

#include <fmt/format.h>

#include "analyzer/input/input_files.hpp"
#include "test_support.hpp"

using namespace rbacq;
namespace fs = std::filesystem;

namespace {
constexpr std::string_view kNamespace = "apiVersion: v1\nkind: Namespace\nmetadata: {name: ns1}\n";
constexpr std::string_view kKubeconfig = "apiVersion: v1\nkind: Config\nusers: []\n";

/// Loads `root` and tells whether exactly `namespaces` Namespaces loaded and the one diagnostic is
/// an [input-read] error on `file` saying `message`. Runs in a child process (no doctest
/// assertions there): what is unexpected goes to stderr.
bool loads_with_one_read_error(const std::string& root, std::size_t namespaces, const std::string& file,
                               std::string_view message) {
  const auto r = analyzer::load({root});
  const auto& d = r.diagnostics.items();
  const bool good = r.model.namespaces.size() == namespaces && d.size() == 1 && d[0].id == "input-read" &&
                    d[0].loc.file.str() == file && d[0].message == message;
  if (!good) {
    for (const auto& line : test::lines(r.diagnostics)) std::fprintf(stderr, "unexpected: %s\n", line.c_str());
  }
  return good;
}

std::vector<std::string> names(const std::vector<analyzer::InputFile>& files, const fs::path& root) {
  std::vector<std::string> out;
  for (const auto& f : files) out.push_back(fs::relative(f.path, root).string());
  return out;
}
}  // namespace

TEST_CASE("inputs: directories are walked recursively and sorted - dot-directories and other files skipped") {
  test::TempDir dir;
  dir.write("b.yaml", kNamespace);
  dir.write("a/z.json", "{}");
  dir.write("a/y.yml", kNamespace);
  dir.write("a/notes.txt", "hello");
  dir.write("a/README.md", "# x");
  dir.write(".git/config.yaml", kNamespace);
  dir.write(".hidden.yaml", kNamespace);
  dir.write("kube/config", kKubeconfig);
  dir.write("kube/admin.conf", kKubeconfig);
  dir.write("kube/nginx.conf", "server { listen 80; }\n");
  Diagnostics diags;
  const auto files = analyzer::expand_inputs({dir.path().string()}, diags);
  CHECK(diags.empty());
  CHECK(names(files, dir.path()) == std::vector<std::string>{"a/y.yml", "a/z.json", "b.yaml", "kube/admin.conf", "kube/config"});
  for (const auto& f : files) CHECK_FALSE(f.explicit_input);
}

TEST_CASE("inputs: a file named explicitly is read whatever its extension") {
  test::TempDir dir;
  const std::string p = dir.write("manifest.txt", kNamespace);
  Diagnostics diags;
  const auto files = analyzer::expand_inputs({p}, diags);
  REQUIRE(files.size() == 1);
  CHECK(files[0].explicit_input);
  CHECK(analyzer::load({p}).model.namespaces.size() == 1);
}

TEST_CASE("inputs: missing paths, broken links and special files are errors - the rest loads (#2)") {
  test::TempDir dir;
  dir.write("ok.yaml", kNamespace);
  fs::create_symlink(dir.path() / "nowhere.yaml", dir.path() / "dangling.yaml");
  REQUIRE(::mkfifo((dir.path() / "pipe.yaml").c_str(), 0600) == 0);  // must not block the walk
  const std::string missing = (dir.path() / "missing.yaml").string();
  const auto r = analyzer::load({dir.path().string(), missing});
  CHECK(r.model.namespaces.size() == 1);
  const auto d = r.diagnostics.sorted();
  REQUIRE(d.size() == 3);
  CHECK(d[0].id == "input-read");
  CHECK(d[0].loc.file.str() == (dir.path() / "dangling.yaml").string());
  CHECK(d[0].message == "broken symbolic link");
  CHECK(d[1].loc.file.str() == missing);
  CHECK(d[1].message == "no such file or directory");
  CHECK(d[2].loc.file.str() == (dir.path() / "pipe.yaml").string());
  CHECK(d[2].message == "not a regular file");
}

TEST_CASE("inputs: a file without read permission is an error, the others load (#2)") {
  test::TempDir dir;
  fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                  fs::perms::others_read | fs::perms::others_exec);
  const std::string ok = dir.write("ok.yaml", kNamespace);
  fs::permissions(ok, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  const std::string locked = dir.write("locked.yaml", kNamespace);
  fs::permissions(locked, fs::perms::none);
  const auto check = [&] {
    return loads_with_one_read_error(dir.path().string(), 1, locked, "Permission denied");
  };
  // Root reads any file whatever its mode (as CI runs): drop to `nobody` in a child process.
  CHECK(test::as_unprivileged_user(check));
}

TEST_CASE("inputs: a 1 GB file is refused unread, the others load (#2)") {
  test::TempDir dir;
  dir.write("ok.yaml", kNamespace);
  const fs::path big = dir.path() / "huge.yaml";
  std::ofstream(big).put('a');
  fs::resize_file(big, std::uintmax_t{1} << 30U);  // sparse: costs no disk
  const auto r = analyzer::load({dir.path().string()});
  CHECK(r.model.namespaces.size() == 1);
  REQUIRE(r.diagnostics.items().size() == 1);
  const Diagnostic& d = r.diagnostics.items()[0];
  CHECK(d.id == "input-too-large");
  CHECK(d.loc.file.str() == big.string());
  CHECK(d.message == "file is 1024 MiB, larger than the limit of 512 MiB; not read");
}

TEST_CASE("inputs: a subdirectory that cannot be listed is reported and the walk goes on (#2)") {
  test::TempDir dir;
  const auto open_perms = fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                          fs::perms::others_read | fs::perms::others_exec;
  fs::permissions(dir.path(), open_perms);
  for (const char* sub : {"a", "b", "b/locked", "c"}) fs::create_directories(dir.path() / sub);
  for (const char* sub : {"a", "b", "c"}) fs::permissions(dir.path() / sub, open_perms);
  for (const char* file : {"a/x.yaml", "c/z.yaml", "b/locked/y.yaml"}) {
    const std::string p = dir.write(file, fmt::format("apiVersion: v1\nkind: Namespace\nmetadata: {{name: ns-{}}}\n", file[0]));
    fs::permissions(p, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  }
  fs::permissions(dir.path() / "b/locked", fs::perms::none);
  const std::string locked = (dir.path() / "b/locked").string();
  const auto check = [&] {
    return loads_with_one_read_error(dir.path().string(), 2, locked, "cannot list directory: Permission denied");
  };
  CHECK(test::as_unprivileged_user(check));
}

TEST_CASE("inputs: the same file reached twice is read once") {
  test::TempDir dir;
  const std::string ns = dir.write("ns.yaml", kNamespace);
  Diagnostics diags;
  const auto files = analyzer::expand_inputs({dir.path().string(), ns, (dir.path() / "." / "ns.yaml").string(), "-", "-"}, diags);
  REQUIRE(files.size() == 2);
  CHECK(files[0].path == ns);
  CHECK(files[1].path == "-");
  const auto r = analyzer::load({dir.path().string(), ns});
  CHECK(r.diagnostics.empty());
  CHECK(r.model.counts.at("Namespace") == 1);
}

TEST_CASE("inputs: symbolic links to directories are noted, not followed - an empty directory is a warning") {
  test::TempDir dir;
  test::TempDir other;
  other.write("inside.yaml", kNamespace);
  dir.write("real/ok.yaml", kNamespace);
  fs::create_directory_symlink(other.path(), dir.path() / "linked");
  fs::create_directory_symlink(dir.path(), dir.path() / "real/loop");
  fs::create_directories(dir.path() / "empty");
  const auto r = analyzer::load({dir.path().string(), (dir.path() / "empty").string()});
  CHECK(r.model.namespaces.size() == 1);
  CHECK(test::lines(r.diagnostics) ==
        std::vector<std::string>{"0:0: warning: no .yaml, .yml, .json or kubeconfig file in this directory [input-empty]",
                                 "0:0: note: symbolic link to a directory, not followed (name it on the command line to read it) [input-read]",
                                 "0:0: note: symbolic link to a directory, not followed (name it on the command line to read it) [input-read]"});
  // Named on the command line, the link is read.
  CHECK(analyzer::load({(dir.path() / "linked").string()}).model.namespaces.size() == 1);
}

TEST_CASE("inputs: a device or pipe named on the command line is read as a stream") {
  const auto r = analyzer::load({"/dev/null"});
  CHECK(test::lines(r.diagnostics) == std::vector<std::string>{"0:0: warning: file holds no YAML or JSON document [input-empty]"});
}

TEST_CASE("inputs: a file named explicitly stays explicit when its directory was named first") {
  test::TempDir dir;
  const std::string values = dir.write("values.yaml", "replicaCount: 3\n");
  Diagnostics diags;
  const auto files = analyzer::expand_inputs({dir.path().string(), values}, diags);
  REQUIRE(files.size() == 1);
  CHECK(files[0].explicit_input);
}

TEST_CASE("inputs: a mapping with more than 10000 keys is fine without merge keys") {
  std::string text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n";
  for (int i = 0; i < 10005; ++i) text += fmt::format("  k{}: v\n", i);
  CHECK(test::load(text).diagnostics.empty());
}
