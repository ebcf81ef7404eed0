/** Attributes put on a row or a cell of a DataTable: class, data-*, data-testid. */
export type TableAttributes = Record<string, string | number | boolean | undefined>;

/** One column of a DataTable: its heading and how a row fills its cell. */
export interface TableColumn<Row> {
  label: string;
  /** The cell's text for one row. The first column's text heads the row (`<th scope="row">`). */
  text: (row: Row) => string | number;
  /** Extra attributes of the cell, for styles and tests that find it. */
  attributes?: (row: Row) => TableAttributes;
}

/** A table's columns: at least the one that heads each row. */
export type TableColumns<Row> = readonly [TableColumn<Row>, ...TableColumn<Row>[]];
