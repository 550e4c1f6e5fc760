#include "test_support.h"

#include "test_files.h"

#include <geolicence/catalog.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace geolicence::test {

namespace {

struct TempDirs {
    std::vector<std::filesystem::path> paths;
    ~TempDirs() {
        for (const auto& path : paths) {
            std::error_code ignored;
            std::filesystem::remove_all(path, ignored);
        }
    }
};

TempDirs& tempDirs() {
    static TempDirs dirs;
    return dirs;
}

} // namespace

const Catalog& bundledCatalog() {
    static const Catalog catalog = CatalogBuilder().addBundled().build();
    return catalog;
}

std::string sourcePath(const std::string& relative) {
    return std::string(GEOLICENCE_SOURCE_DIR) + "/" + relative;
}

std::string dataPath(const std::string& relative) {
    return std::string(GEOLICENCE_TEST_DATA_DIR) + "/" + relative;
}

std::string makeTempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "geolicence-test-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
        throw std::runtime_error("cannot create a temporary directory");
    }
    tempDirs().paths.emplace_back(pattern);
    return pattern;
}

CliResult runCli(const std::vector<std::string>& args, const std::vector<std::string>& env,
                 const CliLimits& limits) {
    const std::filesystem::path dir = makeTempDir();
    const std::string out_path = (dir / "out").string();
    const std::string err_path = (dir / "err").string();
    std::vector<std::string> argv_text = {GEOLICENCE_CLI_PATH};
    argv_text.insert(argv_text.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& arg : argv_text) {
        argv.push_back(arg.data());
    }
    argv.push_back(nullptr);
    // The environment is prepared before fork: the child only calls what is safe after fork.
    std::vector<std::string> env_text;
    for (char** entry = environ; *entry != nullptr; ++entry) {
        const std::string variable(*entry);
        const std::string name = variable.substr(0, variable.find('=') + 1);
        const bool replaced = std::any_of(
            env.begin(), env.end(), [&](const std::string& e) { return e.rfind(name, 0) == 0; });
        if (!replaced) {
            env_text.push_back(variable);
        }
    }
    env_text.insert(env_text.end(), env.begin(), env.end());
    std::vector<char*> envp;
    for (std::string& entry : env_text) {
        envp.push_back(entry.data());
    }
    envp.push_back(nullptr);

    const pid_t child = fork();
    if (child < 0) {
        throw std::runtime_error("cannot fork to run geolicence");
    }
    if (child == 0) {
        // Its own process group, so a timeout ends whatever it started too.
        setpgid(0, 0);
        const int in = ::open("/dev/null", O_RDONLY);
        const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (in < 0 || out < 0 || err < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0 ||
            dup2(err, 2) < 0) {
            _exit(126);
        }
        if (limits.max_file_bytes) {
            signal(SIGXFSZ, SIG_IGN); // inherited across exec
            const rlimit limit{*limits.max_file_bytes, *limits.max_file_bytes};
            if (setrlimit(RLIMIT_FSIZE, &limit) != 0) {
                _exit(126);
            }
        }
        execve(argv[0], argv.data(), envp.data());
        _exit(127);
    }
    setpgid(child, child); // also here, against the race with the child's own call

    CliResult result;
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + limits.timeout;
    while (waitpid(child, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() >= deadline) {
            result.timed_out = true;
            kill(-child, SIGKILL);
            waitpid(child, &status, 0);
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.out = readFile(out_path);
    result.err = readFile(err_path);
    return result;
}

std::pair<int, std::string> runShell(const std::string& command) {
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) {
        return {-1, ""};
    }
    std::string out;
    char buffer[4096];
    std::size_t read = 0;
    while ((read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
        out.append(buffer, read);
    }
    const int status = pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

} // namespace geolicence::test
