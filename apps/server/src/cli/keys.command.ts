import type { Command } from 'commander';
import { openContainer, type CommandDeps } from './open-container.js';

const EXIT = { ok: 0, failure: 1 } as const;

export type KeysCommandDeps = CommandDeps;

const KEYS_HELP = `
Personal data is sealed with versioned master keys (MIMAMORU_MASTER_KEY, or the key file
<MIMAMORU_DATA_DIR>/keys/master-keys.json). Rotating adds a new key and re-encrypts every
sealed column and file with it; old keys stay so nothing becomes unreadable.

Examples:
  $ mimamoru keys status                    key versions and how many values each one seals
  $ mimamoru keys rotate                    add a key version, then re-encrypt everything
  $ mimamoru keys rotate --reencrypt-only   re-encrypt with the current key (after changing MIMAMORU_MASTER_KEY)
  $ mimamoru keys rotate-signing            new Ed25519 key for evidence chain heads (old heads keep verifying)
`;

function describeSource(source: { kind: 'env' } | { kind: 'file'; file: string }): string {
  return source.kind === 'env' ? 'MIMAMORU_MASTER_KEY' : `the key file ${source.file}`;
}

async function statusCommand(deps: KeysCommandDeps, options: { json?: boolean }): Promise<number> {
  const container = await openContainer(deps);
  if (!container) return EXIT.failure;
  const { io } = deps;
  try {
    const { countColumnKeyVersions } = await import('../security/encrypted-columns.js');
    const { keyring, blobStore, database } = container;
    const columns = await countColumnKeyVersions({ db: database.db, keyring });
    const { createSigningKeys } = await import('../security/signing-key.js');
    const { formatFingerprint } = await import('@mimamoru/core');
    const evidenceKey = await createSigningKeys({ db: database.db, keyring, clock: () => new Date() }).status();
    const blobs: Record<string, number> = {};
    for await (const sha256 of blobStore.list()) {
      let version: string;
      try {
        version = String(await blobStore.keyVersion(sha256));
      } catch {
        version = 'unreadable';
      }
      blobs[version] = (blobs[version] ?? 0) + 1;
    }
    const outdated = [...columns.map((c) => c.versions), blobs]
      .flatMap((versions) => Object.entries(versions))
      .filter(([version]) => version !== String(keyring.currentVersion))
      .reduce((sum, [, count]) => sum + count, 0);
    if (options.json) {
      io.stdout.write(
        `${JSON.stringify(
          {
            currentVersion: keyring.currentVersion,
            versions: keyring.versions,
            source: keyring.source.kind,
            columns,
            blobs,
            outdated,
            evidenceKey,
          },
          null,
          2,
        )}\n`,
      );
      return EXIT.ok;
    }
    const tally = (versions: Readonly<Record<string, number>>) =>
      Object.keys(versions).length === 0
        ? 'none'
        : Object.entries(versions)
            .map(([version, count]) => `${version === 'unreadable' ? version : `k${version}`}: ${count}`)
            .join(', ');
    const lines = [
      `Master keys: version${keyring.versions.length === 1 ? '' : 's'} ${keyring.versions.join(', ')} (current ${keyring.currentVersion}), from ${describeSource(keyring.source)}`,
      ...columns.map((c) => `  ${c.table}.${c.column}: ${tally(c.versions)}`),
      `  blobs: ${tally(blobs)}`,
      outdated === 0
        ? 'Everything is sealed with the current key.'
        : `${outdated} value${outdated === 1 ? '' : 's'} use an older key or cannot be read: run \`mimamoru keys rotate --reencrypt-only\`.`,
    ];
    lines.push(
      evidenceKey
        ? `Evidence signing key (Ed25519) fingerprint: ${formatFingerprint(evidenceKey.fingerprint)}`
        : 'Evidence signing key: not created yet (the server creates it at first start).',
    );
    io.stdout.write(`${lines.join('\n')}\n`);
    return EXIT.ok;
  } finally {
    await container.close();
  }
}

async function rotateCommand(deps: KeysCommandDeps, options: { reencryptOnly?: boolean }): Promise<number> {
  const container = await openContainer(deps);
  if (!container) return EXIT.failure;
  const { io } = deps;
  try {
    const { reencryptColumns } = await import('../security/encrypted-columns.js');
    const { keyring, blobStore, database } = container;
    if (!options.reencryptOnly) {
      const added = keyring.addVersion();
      if (!added.persisted) {
        // The new key exists only in this process: storing data under it would lose that data.
        io.stdout.write(
          [
            `New master key version ${added.version}. Set MIMAMORU_MASTER_KEY to this value (secret; keep the old versions in it):`,
            '',
            `  ${added.envValue ?? ''}`,
            '',
            'Then restart the server and run `mimamoru keys rotate --reencrypt-only`. Nothing was re-encrypted yet.',
            '',
          ].join('\n'),
        );
        return EXIT.ok;
      }
      io.stdout.write(
        `Added master key version ${added.version} to ${describeSource(keyring.source)}. Back up this file now.\n`,
      );
    }
    const outcomes = await reencryptColumns({ db: database.db, keyring });
    let blobs = 0;
    for await (const sha256 of blobStore.list()) if (await blobStore.reseal(sha256)) blobs += 1;
    for (const outcome of outcomes) {
      io.stdout.write(`  ${outcome.table}.${outcome.column}: ${outcome.reencrypted} re-encrypted\n`);
    }
    io.stdout.write(`  blobs: ${blobs} re-encrypted\n`);
    io.stdout.write(
      `Everything is sealed with key version ${keyring.currentVersion}. Restart running servers so they seal new data with it.\n`,
    );
    return EXIT.ok;
  } catch (error) {
    io.stderr.write(
      `Rotation stopped: ${error instanceof Error ? error.message : String(error)}\nIt is safe to run it again.\n`,
    );
    return EXIT.failure;
  } finally {
    await container.close();
  }
}

async function rotateSigningCommand(deps: KeysCommandDeps): Promise<number> {
  const container = await openContainer(deps);
  if (!container) return EXIT.failure;
  const { io } = deps;
  try {
    const { createSigningKeys } = await import('../security/signing-key.js');
    const { formatFingerprint } = await import('@mimamoru/core');
    const { keyring, database, services } = container;
    const signingKeys = createSigningKeys({ db: database.db, keyring, clock: () => new Date() });
    const { previous, current } = await signingKeys.rotate((trx, keys) =>
      services.audit.record(
        {
          actorType: 'system',
          actorId: null,
          action: 'evidence.signing_key_rotated',
          targetType: 'signing_key',
          targetId: keys.newId,
          detail: { previousKeyId: keys.previousId, via: 'cli' },
        },
        trx,
      ),
    );
    io.stdout.write(
      [
        `New evidence signing key (Ed25519) fingerprint: ${formatFingerprint(current.fingerprint)}`,
        previous
          ? `Retired key ${formatFingerprint(previous.fingerprint)}: heads it signed keep verifying with it, and their bundles carry it.`
          : 'There was no key before.',
        'The next evidence added to any case is signed with the new key. Publish the new fingerprint where you published the old one.',
        '',
      ].join('\n'),
    );
    return EXIT.ok;
  } finally {
    await container.close();
  }
}

/** `mimamoru keys status|rotate|rotate-signing`. */
export function registerKeysCommands(program: Command, deps: KeysCommandDeps): void {
  const keys = program
    .command('keys')
    .description('Master keys that encrypt personal data at rest: status and rotation.')
    .addHelpText('after', KEYS_HELP);

  keys
    .command('status')
    .description('Show key versions and how many sealed values and files each one protects.')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      deps.result.code = await statusCommand(deps, options);
    });

  keys
    .command('rotate')
    .description('Add a new master key version and re-encrypt every sealed column and blob with it.')
    .option('--reencrypt-only', 'do not add a key; re-encrypt with the current (highest) version')
    .action(async (options: { reencryptOnly?: boolean }) => {
      deps.result.code = await rotateCommand(deps, options);
    });

  keys
    .command('rotate-signing')
    .description('Make a new Ed25519 key that signs evidence chain heads; heads signed before keep verifying with theirs.')
    .action(async () => {
      deps.result.code = await rotateSigningCommand(deps);
    });
}
