/** The config file's name, in a module of its own so `--help` can name it without loading the config reader. */
export const CONFIG_FILE_NAME = 'nobackdoor.config.yaml';
