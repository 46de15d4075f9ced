import { beforeEach, describe, expect, it, vi } from 'vitest';

const dialog = {
  showOpenDialog: vi.fn(),
  showSaveDialog: vi.fn(),
};
const openPath = vi.fn();

vi.mock('electron', async () => {
  const mock = await import('../../support/electron-mock');
  return { ...mock, dialog, shell: { ...mock.shell, openPath } };
});

const { electronFileDialogs } = await import('../../../src/main/electron/file-dialogs');

/** The Electron side of the records' file port: dialogs modal to the main window. */
describe('electronFileDialogs', () => {
  const window = { isDestroyed: () => false };
  beforeEach(() => vi.clearAllMocks());

  it('opens the dialog over the main window and returns the chosen path, or null when cancelled', async () => {
    const files = electronFileDialogs(() => window as never);
    dialog.showOpenDialog.mockResolvedValueOnce({
      canceled: false,
      filePaths: ['/home/sam/a.csv'],
    });
    const filters = [{ name: 'CSV', extensions: ['csv'] }];
    expect(await files.chooseFile({ title: 'Choose', filters })).toBe('/home/sam/a.csv');
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(window, {
      title: 'Choose',
      filters,
      properties: ['openFile'],
    });
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await files.chooseFile({ title: 'Choose', filters })).toBeNull();
  });

  it('saves where the person says, or nowhere', async () => {
    const files = electronFileDialogs(() => undefined);
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/sam/r.csv' });
    expect(
      await files.chooseSaveLocation({ title: 'Save', defaultName: 'r.csv', filters: [] }),
    ).toBe('/home/sam/r.csv');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith({
      title: 'Save',
      defaultPath: 'r.csv',
      filters: [],
    });
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(
      await files.chooseSaveLocation({ title: 'Save', defaultName: 'r.csv', filters: [] }),
    ).toBeNull();
  });

  it('turns shell.openPath’s error text into a failure', async () => {
    const files = electronFileDialogs(() => undefined);
    openPath.mockResolvedValueOnce('');
    await expect(files.openFile('/r.pdf')).resolves.toBeUndefined();
    openPath.mockResolvedValueOnce('No application is associated with this file');
    await expect(files.openFile('/r.pdf')).rejects.toThrow(/No application/);
  });
});
