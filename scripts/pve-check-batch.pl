#!/usr/bin/perl

# pve-check-batch.pl - run many check-pve-config cases with one module load.
#
#   PVE_SRC=/tmp/pve-src scripts/pve-check-batch.pl [-j N] [--timeout S] [--src DIR] < cases.jsonl
#
# Reads one JSON object per input line (blank lines and lines starting with
# '#' are skipped) and writes one JSON line per case:
#
#   {"id":..,"valid":bool,"exit":0|1,"errors":[{"key":..,"message":..}],"warnings":[..],
#    "config":"<text>","config_json":{..}}     (config*: only with print_config and no errors)
#   {"id":..,"valid":false,"crash":"<why>"}    (child died, timed out, bad case, usage/setup error)
#
# A case is one of
#   {"id":"a","mode":"qm","args":["create","100","--memory","2048"],
#    "storage_cfg":"/path/storage.cfg","qemu_version":"10.0.2","any_storage":false,"print_config":true}
#   {"id":"b","mode":"conf","text":"memory: 2048\n...","vmid":100,"storage_cfg":"...","print_config":true}
#   {"id":"c","mode":"conf","file":"/path/101.conf"}        (vmid taken from the name, as the checker does)
#   {"id":"d","argv":["--any-storage","qm","create","100","--scsi0","x:32"]}
#                                   (raw check-pve-config arguments; --json is added)
# Output lines come in completion order (any order with -j > 1); each carries its id.
#
# "config" is the text PVE would write for the settings check-pve-config
# reports with --print-config, rendered by qemu-server's own write_vm_config
# (the writer PVE registers for /etc/pve/qemu-server/*.conf); "config_json"
# is check-pve-config's --json "config" object unchanged.
#
# Environment: PVE_SRC (extracted Proxmox sources, or --src), PVE_CHECK_DIR
# (the checker; default ../shared/pve-check relative to the repository root).
#
# How it works, and why this way:
# check-pve-config keeps its checking logic (check_qm, check_conf, the result
# printing) in the main script, not in a module, and communicates its result
# through stdout and exit(). Rather than copy that logic, each child runs the
# unmodified script:
#   1. The parent does the expensive part once, the same way the script does:
#      PVECheck::Loader::setup() and then the very `require` statements found
#      in the script's source (so the list cannot drift from the checker's).
#   2. Per case the parent forks. The child points fd 0 at /dev/null (or
#      the case's text, for `conf -`), sets @ARGV to the checker's arguments
#      plus --json, captures STDOUT/STDERR in memory, overrides exit() for
#      code compiled from now on (only the script itself: the Proxmox modules
#      were compiled earlier in the parent and keep the real exit) and
#      `do`es check-pve-config. Its `require`s are then no-ops, everything
#      else (option parsing, PVECheck::Env::init, the checks, the JSON) runs
#      exactly as in a separate process. The child reads the script's JSON,
#      adds the rendered config, sends one JSON record through a pipe and
#      leaves with POSIX::_exit.
#   3. Fork isolation means no global state (replaced subs, the storage
#      config, the RPC environment, Getopt::Long configuration, ...) leaks
#      from one case to the next. The parent never runs a check itself.
#   4. Speed: PVECheck::Env::init(), run by the script for every case,
#      calls PVECheck::Env::replace_sub() three times, and each call walks
#      every symbol table (~25,000 globs here) to find the aliases of the
#      function it replaces: ~0.03 s a walk, ~0.15 s a case once the forked
#      child's copy-on-write faults are counted. The parent therefore walks
#      the symbol tables once, for the functions Env.pm passes to
#      replace_sub (read from its source), and records which globs hold
#      each of them. In the child, replace_sub is wrapped: if the function
#      is still the one indexed (it always is in a fresh child), the same
#      globs are reassigned directly; otherwise the checker's own
#      replace_sub runs. The result is the same set of replaced globs;
#      --no-alias-index turns this off (the checker's own walk every time).
#   5. The parent multiplexes stdin and the children's pipes with select(),
#      so it answers each case as soon as it is done (usable as a co-process),
#      and kills (by pid) a child that runs longer than --timeout seconds.
# `do` was chosen over calling the script's subs directly because the script
# runs code at file scope (option parsing, result output) that a guarded
# `require` would have to re-implement; exit() is the only thing that needs
# intercepting, and the script never calls it inside an eval.

use strict;
use warnings;

use Cwd qw(abs_path);
use File::Basename qw(dirname);
use FindBin;
use Getopt::Long qw(GetOptionsFromArray);
use IO::Handle;
use IO::Select;
use JSON;
use POSIX ();
use Storable qw(dclone);
use Time::HiRes qw(time);

my $USAGE = <<'EOU';
usage: pve-check-batch.pl [-j N] [--timeout SECONDS] [--src DIR] < cases.jsonl
  -j N           run N cases in parallel (default 1)
  --timeout S    kill a case after S seconds (default 20)
  --src DIR      extracted Proxmox sources (default: $PVE_SRC)
  --no-alias-index  let PVECheck::Env::replace_sub walk all symbol tables in
                 every case (slower; see "Speed" in the header)
  --stats        print the load time and per-case timings to stderr at the end
Environment: PVE_CHECK_DIR (default: ../shared/pve-check relative to the repository root)
EOU

my %opt = (j => 1, timeout => 20);
GetOptionsFromArray(\@ARGV, \%opt, 'j=i', 'timeout=f', 'src=s', 'stats', 'no-alias-index', 'help|h')
    or do { print STDERR $USAGE; exit 2 };
if ($opt{help}) { print $USAGE; exit 0 }
if (@ARGV) { print STDERR "unexpected argument '$ARGV[0]'\n$USAGE"; exit 2 }
$opt{j} = 1 if $opt{j} < 1;

my $t_start = time();

# ---------------------------------------------------------------------------
# locate the checker and load Proxmox's modules once

my $repo_root = dirname($FindBin::RealBin);
my $check_dir = $ENV{PVE_CHECK_DIR} // "$repo_root/../shared/pve-check";
$check_dir = abs_path($check_dir) // $check_dir;
my $check_script = "$check_dir/check-pve-config";
die "pve-check-batch: no checker at '$check_script' (set PVE_CHECK_DIR)\n" if !-f $check_script;

# the children's `check-pve-config` runs setup() again and finds the sources
# through the environment, like a separate process would
$ENV{PVE_SRC} = $opt{src} if defined($opt{src});

# the modules check-pve-config requires, read from its own source
my @script_requires = do {
    open(my $fh, '<', $check_script) or die "pve-check-batch: cannot read '$check_script': $!\n";
    local $/;
    my $src = <$fh>;
    $src =~ m/^\s*require\s+([A-Za-z_][\w:]*)\s*;/mg;
};
die "pve-check-batch: found no 'require' statements in $check_script\n" if !@script_requires;

unshift @INC, "$check_dir/lib";
{
    my $ok = eval {
        require PVECheck::Loader;
        PVECheck::Loader::setup($opt{src});
        1;
    };
    if (!$ok) { print STDERR "pve-check-batch: setup error: $@"; exit 2 }
    $ok = eval {
        for my $mod (@script_requires) {
            (my $file = "$mod.pm") =~ s{::}{/}g;
            require $file;
        }
        1;
    };
    if (!$ok) { print STDERR "pve-check-batch: cannot load the Proxmox sources: $@"; exit 2 }
}

# which globs hold each function PVECheck::Env::init replaces (see "Speed")
my %alias_index; # full name => { orig => CODE, globs => [full glob names] }
if (!$opt{'no-alias-index'}) {
    my @targets = do {
        my $env_pm = $INC{'PVECheck/Env.pm'} // '';
        open(my $fh, '<', $env_pm) or die "pve-check-batch: cannot read '$env_pm': $!\n";
        local $/;
        my $src = <$fh>;
        $src =~ m/\breplace_sub\(\s*'([\w:]+)'/g;
    };
    no strict 'refs';
    my %by_code; # refaddr of CODE => full name
    for my $name (@targets) {
        next if !defined(&{$name});
        my $code = \&{$name};
        $alias_index{$name} = { orig => $code, globs => [] };
        $by_code{0 + $code} = $name;
    }
    my @packages = ('main::');
    my %visited;
    while (defined(my $pkg = shift @packages)) {
        next if $visited{$pkg}++;
        my $stash = \%{$pkg};
        for my $entry (keys %$stash) {
            my $full = $pkg eq 'main::' ? $entry : "$pkg$entry";
            if ($entry =~ m/::$/) {
                push @packages, $full if $full ne 'main::';
                next;
            }
            my $gv = \$stash->{$entry};
            next if ref($gv) ne 'GLOB';
            my $code = *{$gv}{CODE} or next;
            my $target = $by_code{ 0 + $code } or next;
            push @{ $alias_index{$target}->{globs} }, $full;
        }
    }
}

my $t_loaded = time();

# ---------------------------------------------------------------------------
# turn a case into check-pve-config arguments

# Arguments and file text reach a real qm or parser as bytes (UTF-8 on a node), not as Perl characters.
sub bytes_of { my ($text) = @_; utf8::encode($text) if utf8::is_utf8($text); return $text }

sub case_argv {
    my ($case) = @_;
    my ($argv, $stdin) = case_argv_chars($case);
    return ([map { bytes_of($_) } @$argv], defined($stdin) ? bytes_of($stdin) : undef);
}

sub case_argv_chars {
    my ($case) = @_;
    my @pre = ('--json');
    push @pre, '--print-config' if $case->{print_config};
    if (defined(my $argv = $case->{argv})) {
        die "'argv' must be an array\n" if ref($argv) ne 'ARRAY';
        return ([@pre, map { "$_" } @$argv], undef);
    }
    my $mode = $case->{mode} // die "missing 'mode' (qm or conf) or 'argv'\n";
    push @pre, '--storage-cfg', "$case->{storage_cfg}" if defined($case->{storage_cfg});
    push @pre, '--qemu-version', "$case->{qemu_version}" if defined($case->{qemu_version});
    push @pre, '--vmid', "$case->{vmid}" if defined($case->{vmid});
    push @pre, '--any-storage' if $case->{any_storage};
    my $args = $case->{args} // [];
    die "'args' must be an array\n" if ref($args) ne 'ARRAY';
    my @args = map { "$_" } @$args;
    if ($mode eq 'qm') {
        return ([@pre, 'qm', @args], undef);
    } elsif ($mode eq 'conf') {
        if (defined($case->{text})) {
            return ([@pre, 'conf', '-'], "$case->{text}");
        }
        my $file = $case->{file} // $args[0];
        die "conf case needs 'text' or 'file'\n" if !defined($file);
        return ([@pre, 'conf', "$file"], undef);
    }
    die "unknown mode '$mode' (qm or conf)\n";
}

# ---------------------------------------------------------------------------
# child: run check-pve-config in this (forked, pre-loaded) interpreter

my $EXIT_MARKER = "PVE-CHECK-BATCH-EXIT\n";

sub child_run {
    my ($case, $argv, $stdin_text, $out_fh) = @_;

    my $rec = { id => $case->{id} };
    my ($stdout, $stderr) = ('', '');
    my $exit_code;

    my $ran = eval {
        # fd 0 is the parent's case stream: never read or seek it here
        open(my $null, '<', '/dev/null') or die "/dev/null: $!\n";
        POSIX::dup2(fileno($null), 0) // die "dup2: $!\n";
        close(STDIN);
        if (defined($stdin_text)) {
            open(STDIN, '<', \$stdin_text) or die "stdin: $!\n";
        } else {
            open(STDIN, '<&', $null) or die "stdin: $!\n";
        }
        close(STDOUT);
        open(STDOUT, '>', \$stdout) or die "stdout: $!\n";
        close(STDERR);
        open(STDERR, '>', \$stderr) or die "stderr: $!\n";

        if (%alias_index) {
            my $checker_replace_sub = \&PVECheck::Env::replace_sub;
            no strict 'refs';
            no warnings 'redefine';
            *PVECheck::Env::replace_sub = sub {
                my ($fullname, $new) = @_;
                my $ix = $alias_index{$fullname};
                if (!$ix || !defined(&{$fullname}) || \&{$fullname} != $ix->{orig}) {
                    goto &$checker_replace_sub;
                }
                for my $g (@{ $ix->{globs} }) {
                    my $cur = *{$g}{CODE};
                    *{$g} = $new if $cur && $cur == $ix->{orig};
                }
                *{$fullname} = $new;
                return;
            };
        }
        srand(); # a fresh process would seed its own PRNG
        # The checker prints its JSON as characters; as UTF-8 every character survives the trip to the parent.
        binmode(STDOUT, ':encoding(UTF-8)');
        @ARGV = @$argv;
        $0 = $check_script;
        # its `use lib "$FindBin::RealBin/lib"` should name the checker's lib
        $FindBin::Bin = $FindBin::RealBin = $check_dir;
        {
            no warnings qw(redefine once);
            *CORE::GLOBAL::exit = sub (;$) {
                $exit_code = $_[0] // 0;
                die $EXIT_MARKER;
            };
        }
        my $rv = do $check_script;
        my $err = $@;
        if (!defined($exit_code)) {
            die "check-pve-config died: $err" if $err;
            die "cannot run $check_script: $!\n" if !defined($rv);
            $exit_code = 0; # fell off the end without exit()
        }
        1;
    };
    my $run_err = $@;
    close(STDOUT);
    close(STDERR);

    if (!$ran) {
        chomp($run_err);
        $rec->{valid} = JSON::false;
        $rec->{crash} = $run_err;
    } elsif ($exit_code == 0 || $exit_code == 1) {
        # the script prints one pretty JSON document; anything printed
        # before it (stray output of Proxmox code) is kept separately
        my $res;
        if ($stdout =~ m/^\{\n/mg) {
            my $pos = pos($stdout) - 2;
            $res = eval { JSON->new->utf8->decode(substr($stdout, $pos)) };
            my $extra = substr($stdout, 0, $pos);
            $rec->{stdout} = $extra if $extra =~ m/\S/;
        }
        if (ref($res) ne 'HASH') {
            $rec->{valid} = JSON::false;
            $rec->{crash} = "no JSON result from check-pve-config (exit $exit_code): $stdout";
        } else {
            $rec->{valid} = $res->{valid} ? JSON::true : JSON::false;
            $rec->{exit} = $exit_code;
            $rec->{errors} = $res->{errors} // [];
            $rec->{warnings} = $res->{warnings} // [];
            if ($case->{print_config} && ref($res->{config}) eq 'HASH') {
                $rec->{config_json} = $res->{config};
                my $text = eval {
                    local $SIG{__WARN__} = sub { };
                    PVE::QemuServer::write_vm_config('/etc/pve/qemu-server/batch.conf',
                        dclone($res->{config}));
                };
                if (defined($text)) {
                    $rec->{config} = $text;
                } else {
                    $rec->{config_error} = "write_vm_config: $@";
                }
            }
        }
    } else {
        $rec->{valid} = JSON::false;
        $rec->{crash} = "check-pve-config exit $exit_code (usage or setup error): $stderr";
        $stderr = '';
    }
    $rec->{stderr} = $stderr if length($stderr);

    print {$out_fh} JSON->new->utf8->canonical->encode($rec), "\n";
    close($out_fh);
    POSIX::_exit(0);
}

# ---------------------------------------------------------------------------
# parent: event loop

STDOUT->autoflush(1);
my $json_out = JSON->new->utf8->canonical;

my %kids;      # fileno => {pid, id, fh, buf, start}
my @queue;     # [case, argv, stdin_text]
my @timings;   # seconds per case (fork to result)
my $inbuf = '';
my $in_eof = 0;
my $lineno = 0;

sub emit { print $json_out->encode($_[0]), "\n" }

sub take_line {
    my ($line) = @_;
    $lineno++;
    return if $line =~ m/^\s*(?:#.*)?$/;
    my $case = eval { JSON->new->utf8->decode($line) };
    if (ref($case) ne 'HASH') {
        my $e = $@ || "not a JSON object\n";
        $e =~ s/ at \S+ line \d+.*//s;
        chomp($e);
        emit({ id => undef, valid => JSON::false, crash => "input line $lineno: $e" });
        return;
    }
    $case->{id} //= "line-$lineno";
    my ($argv, $stdin_text) = eval { case_argv($case) };
    if (!$argv) {
        chomp(my $e = $@);
        emit({ id => $case->{id}, valid => JSON::false, crash => "bad case: $e" });
        return;
    }
    push @queue, [$case, $argv, $stdin_text];
}

sub spawn {
    my ($case, $argv, $stdin_text) = @{ shift @queue };
    pipe(my $r, my $w) or die "pipe: $!\n";
    my $pid = fork();
    if (!defined($pid)) {
        emit({ id => $case->{id}, valid => JSON::false, crash => "fork: $!" });
        close($r);
        close($w);
        return;
    }
    if ($pid == 0) {
        close($r);
        # other children's pipes belong to the parent
        close($_->{fh}) for values %kids;
        child_run($case, $argv, $stdin_text, $w);
    }
    close($w);
    $kids{ fileno($r) } = { pid => $pid, id => $case->{id}, fh => $r, buf => '', start => time() };
}

sub finish {
    my ($k, $timed_out) = @_;
    delete $kids{ fileno($k->{fh}) };
    close($k->{fh});
    if ($timed_out) {
        kill('KILL', $k->{pid});
    }
    waitpid($k->{pid}, 0);
    my $status = $?;
    push @timings, time() - $k->{start};
    if ($timed_out) {
        emit({ id => $k->{id}, valid => JSON::false,
            crash => "timeout: no result after $opt{timeout} s, killed" });
        return;
    }
    my $line = $k->{buf};
    my $rec = ($line =~ m/\n\z/) ? eval { JSON->new->utf8->decode($line) } : undef;
    if (ref($rec) eq 'HASH') {
        print $line;
        return;
    }
    my $why = ($status & 127) ? "killed by signal " . ($status & 127)
        : "exit status " . ($status >> 8);
    emit({ id => $k->{id}, valid => JSON::false, crash => "child died ($why) without a result" });
}

while (1) {
    spawn() while @queue && keys(%kids) < $opt{j};
    last if $in_eof && !@queue && !%kids;

    my $sel = IO::Select->new();
    # read more cases only while there is room for them
    $sel->add(\*STDIN) if !$in_eof && @queue < $opt{j};
    $sel->add($_->{fh}) for values %kids;

    my $timeout;
    if (%kids) {
        my $now = time();
        for my $k (values %kids) {
            my $left = $k->{start} + $opt{timeout} - $now;
            $timeout = $left if !defined($timeout) || $left < $timeout;
        }
        $timeout = 0 if $timeout < 0;
    }
    my @ready = $sel->count ? $sel->can_read($timeout) : ();

    for my $fh (@ready) {
        if (fileno($fh) == fileno(STDIN)) {
            my $n = sysread(STDIN, $inbuf, 65536, length($inbuf));
            if (!$n) {
                $in_eof = 1;
                take_line($inbuf) if length($inbuf);
                $inbuf = '';
            } else {
                while ($inbuf =~ s/^([^\n]*)\n//) { take_line($1) }
            }
            next;
        }
        my $k = $kids{ fileno($fh) } or next;
        my $n = sysread($fh, $k->{buf}, 65536, length($k->{buf}));
        finish($k, 0) if !$n;
    }

    my $now = time();
    for my $k (values %kids) {
        finish($k, 1) if $now - $k->{start} > $opt{timeout};
    }
}

if ($opt{stats}) {
    my $n = scalar(@timings);
    my $sum = 0;
    $sum += $_ for @timings;
    my @s = sort { $a <=> $b } @timings;
    printf STDERR "pve-check-batch: load %.3f s; %d case(s) in %.3f s wall (-j %d)",
        $t_loaded - $t_start, $n, time() - $t_loaded, $opt{j};
    printf STDERR "; per case mean %.4f s, median %.4f s, max %.4f s", $sum / $n,
        $s[int($n / 2)], $s[-1] if $n;
    print STDERR "\n";
}
exit 0;
