/** Script-tag entry (being built in the widget issue). */
export {};
