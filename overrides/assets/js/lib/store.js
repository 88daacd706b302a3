/* What a person keeps on this device: plans, form answers, reflections, progress.

   One store per feature ("planner", "forms", "learning"…), kept in localStorage
   under "kv:<feature>:v<version>:<key>", so features never read each other's data
   and a new data version starts clean instead of misreading old data.
   Nothing here sends anything anywhere: the data stays on the device, and the
   person can export it to a file, import it back and erase it.

   When storage is disabled or full (private mode, a locked-down profile) the store
   keeps the data in memory for the current visit and says so through `problem`,
   so the feature still works and can tell the person. */

const ROOT = "kv";
export const FILE_FORMAT = "kohti-valmentavaa";

export class StoreError extends Error {
  /* code: "unavailable" (storage disabled), "full" (quota), "not-ours" (a file of
     another format or feature), "version" (a newer or older data version),
     "damaged" (not readable JSON). A feature shows its own label for each code. */
  constructor(code, detail) {
    super(detail || code);
    this.code = code;
  }
}

function probeStorage() {
  try {
    const storage = window.localStorage;
    const probe = ROOT + ":probe";
    storage.setItem(probe, "1");
    storage.removeItem(probe);
    return storage;
  } catch (error) {
    return null;
  }
}

function isQuotaError(error) {
  return error && (error.name === "QuotaExceededError" || error.code === 22 || error.code === 1014);
}

export function openStore(feature, version) {
  const prefix = `${ROOT}:${feature}:v${version}:`;
  const storage = probeStorage();
  const memory = new Map(); // used when storage is missing or full
  let problem = storage ? null : "unavailable";
  const listeners = new Set();

  function report(code) {
    problem = code;
    listeners.forEach((listener) => listener(code));
  }

  function storedKeys() {
    const keys = new Set(memory.keys());
    if (storage) {
      for (let i = 0; i < storage.length; i += 1) {
        const name = storage.key(i);
        if (name && name.startsWith(prefix)) keys.add(name.slice(prefix.length));
      }
    }
    return [...keys].sort();
  }

  const store = {
    feature,
    version,
    /* null, "unavailable" or "full": why data is kept for this visit only. */
    get problem() {
      return problem;
    },
    onProblem(listener) {
      listeners.add(listener);
    },
    get(key, fallback = null) {
      if (memory.has(key)) return memory.get(key);
      if (!storage) return fallback;
      const raw = storage.getItem(prefix + key);
      if (raw === null) return fallback;
      try {
        return JSON.parse(raw);
      } catch (error) {
        return fallback; // a damaged value reads as missing rather than breaking the page
      }
    },
    /* Returns true when the value is kept on the device, false when only for this visit. */
    set(key, value) {
      if (storage) {
        try {
          storage.setItem(prefix + key, JSON.stringify(value));
          memory.delete(key);
          return true;
        } catch (error) {
          report(isQuotaError(error) ? "full" : "unavailable");
        }
      }
      memory.set(key, value);
      return false;
    },
    remove(key) {
      memory.delete(key);
      if (storage) storage.removeItem(prefix + key);
    },
    keys: storedKeys,
    all() {
      const data = {};
      storedKeys().forEach((key) => {
        data[key] = store.get(key);
      });
      return data;
    },
    /* Erases everything this feature keeps on the device (all versions). */
    erase() {
      memory.clear();
      if (!storage) return;
      const mine = `${ROOT}:${feature}:`;
      const names = [];
      for (let i = 0; i < storage.length; i += 1) {
        const name = storage.key(i);
        if (name && name.startsWith(mine)) names.push(name);
      }
      names.forEach((name) => storage.removeItem(name));
    },
    /* The file content of an export: the data of some or all keys. */
    exportData(keys = storedKeys()) {
      const data = {};
      keys.forEach((key) => {
        data[key] = store.get(key);
      });
      return { format: FILE_FORMAT, feature, version, exported: new Date().toISOString(), data };
    },
    /* Reads an exported file's text; returns its data ({key: value}) without storing it,
       so the feature can check it and ask before it replaces anything. */
    parseExport(text) {
      let file;
      try {
        file = JSON.parse(text);
      } catch (error) {
        throw new StoreError("damaged");
      }
      if (!file || file.format !== FILE_FORMAT || file.feature !== feature) throw new StoreError("not-ours");
      if (file.version !== version) throw new StoreError("version");
      if (!file.data || typeof file.data !== "object") throw new StoreError("damaged");
      return file.data;
    },
    importData(data) {
      Object.entries(data).forEach(([key, value]) => store.set(key, value));
    },
  };
  return store;
}

/* Offers data to the person as a file download; nothing leaves the device. */
export function downloadFile(fileName, content, type = "application/json") {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/* Reads a file the person picked (an <input type="file">) as text. */
export function readFile(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new StoreError("damaged"));
    reader.readAsText(file);
  });
}
