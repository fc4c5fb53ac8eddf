import { useState, type DragEvent, type ReactNode } from 'react';
import './file-drop-zone.css';

/**
 * A place to drop files, with a file picker for those who would rather click (the team page's
 * bundles, the options page's CSV exports). The input is reset after each pick, so choosing the
 * same file again (a re-import) fires again.
 */
export function FileDropZone({
  prompt,
  buttonLabel,
  accept,
  multiple = false,
  onFiles,
  testId,
  children,
}: {
  prompt: string;
  buttonLabel: string;
  accept: string;
  multiple?: boolean;
  onFiles(files: File[]): void;
  testId?: string;
  children?: ReactNode;
}) {
  const [over, setOver] = useState(false);

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setOver(false);
    onFiles([...event.dataTransfer.files]);
  }

  return (
    <div
      className={`drop-zone${over ? ' over' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid={testId}
    >
      <p>{prompt}</p>
      <label className="button">
        {buttonLabel}
        <input
          className="visually-hidden"
          type="file"
          multiple={multiple}
          accept={accept}
          onChange={(event) => {
            const files = [...(event.currentTarget.files ?? [])];
            event.currentTarget.value = '';
            onFiles(files);
          }}
        />
      </label>
      {children}
    </div>
  );
}
